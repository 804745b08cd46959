"""Local stand-ins for the outside services we call (SMS providers, WeChat).

Each is a real HTTP server on 127.0.0.1 in a thread, so the production HTTP code
runs unchanged against it; each checks what the real service checks (signatures,
keys, codes) and answers in the real service's shape, errors included. Their
verification code is written from the providers' documentation independently of
``core`` — a shared bug would otherwise pass unnoticed.
"""
