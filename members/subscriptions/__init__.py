"""E-mail subscriptions (邮件订阅): double opt-in, one-click unsubscribe, the e-mail
tracking choice, members' own subscription, and the digest (``send_digest``)."""
