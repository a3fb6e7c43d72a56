#!/usr/bin/env python3
"""Independent generator of the group message (sender key) golden vector (docs/PROTOCOL.md section 11.5).

Written from the protocol text only, with Python's hmac/hashlib (HKDF, HMAC, SHA-256) and the `cryptography`
package (Ed25519 and ChaCha20-Poly1305, OpenSSL). Prints the chain tag and messages 0 and 2 of one sender chain
(message 1 is skipped), as SenderKeyGoldenVectorTest expects them.
Run: python3 golden_group_v1.py
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives import serialization


def hkdf(ikm, salt, info, length):
    prk = hmac.new(salt if salt else b"\0" * 32, ikm, hashlib.sha256).digest()
    out, block, i = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([i]), hashlib.sha256).digest()
        out += block
        i += 1
    return out[:length]


def h(label, *parts):
    return hashlib.sha256(label.encode() + b"\0" + b"".join(parts)).digest()


group_id = bytes(range(0x00, 0x20))
epoch = 3
chain_key = bytes(range(0x40, 0x60))
signing_seed = bytes(range(0x60, 0x80))
signer = Ed25519PrivateKey.from_private_bytes(signing_seed)
signing_public = signer.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
tag = h("habarshy/v1/group-chain", group_id, struct.pack(">I", epoch), signing_public)[:16]
created = 1_767_225_600_000  # 2026-01-01T00:00Z
expires = created + 7 * 24 * 3600 * 1000


def message(ck, iteration, body):
    mk = hmac.new(ck, b"\x01", hashlib.sha256).digest()
    header = struct.pack(">BBQQ", 1, 4, created, expires) + tag + struct.pack(">I", iteration)
    padded = max(128, -(-(4 + len(body)) // 64) * 64)
    plaintext = struct.pack(">I", len(body)) + body + b"\0" * (padded - 4 - len(body))
    okm = hkdf(mk, b"", b"habarshy/v1/group-message-key", 44)
    signed = header + ChaCha20Poly1305(okm[:32]).encrypt(okm[32:], plaintext, header)
    return signed + signer.sign(b"habarshy/v1/group-message\0" + signed)


def step(ck):
    return hmac.new(ck, b"\x02", hashlib.sha256).digest()


ck0 = chain_key
ck2 = step(step(ck0))
print("signing public", signing_public.hex())
print("tag", tag.hex())
print("message0", message(ck0, 0, "Сәлем, көршілер!".encode()).hex())
print("message2", message(ck2, 2, b"x" * 130).hex())
