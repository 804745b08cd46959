"""The operations on enquiries, one module per thread kind plus what they share
(``threads``: assign, thread messages, sales e-mail); the operations are re-exported
here: ``from members.enquiries.services import procurement_request_create``."""

from .attachments import procurement_attachment_add
from .consultations import (
    consultation_close,
    consultation_create,
    consultation_delete,
    consultation_message_add,
)
from .procurement import (
    allowed_moves,
    procurement_message_add,
    procurement_request_create,
    procurement_request_delete,
    procurement_request_transition,
)
from .threads import enquiry_assign

__all__ = [
    "allowed_moves",
    "consultation_close",
    "consultation_create",
    "consultation_delete",
    "consultation_message_add",
    "enquiry_assign",
    "procurement_attachment_add",
    "procurement_message_add",
    "procurement_request_create",
    "procurement_request_delete",
    "procurement_request_transition",
]
