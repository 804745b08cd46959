"""Enquiries API: procurement requests and online consultations."""
