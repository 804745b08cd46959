"""The member's activity: favorites, footprints, downloads, procurement requests,
online consultations and e-mail subscriptions (the last two also for visitors)."""
