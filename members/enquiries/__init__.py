"""Enquiries: procurement requests (采购需求) and online consultations (在线咨询) —
one thread-message base, one assign service, one sales e-mail helper, and one admin
inbox base that the two inboxes specialise."""
