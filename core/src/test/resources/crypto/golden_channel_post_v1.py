#!/usr/bin/env python3
"""Independent generator of the channel post golden vectors (docs/PROTOCOL.md section 12).

Uses only the Python standard library and the `cryptography` package (OpenSSL), not Habarshy's code.
Prints the public and the private post as hex; ChannelPostGoldenVectorTest holds the same values.
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SEED = bytes(range(32))
SECRET = bytes(range(0x40, 0x60))
TAG_NONCE = bytes(range(0xA0, 0xB0))
CREATED = 1_700_000_000_000
EXPIRES = CREATED + 3 * 86_400_000
SEQUENCE = 1_700_000_000_000
TEXT = "Су тасқыны: көпірден аулақ болыңыз!"


def hkdf(ikm, salt, info, length):
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt or None, info=info).derive(ikm)


def post(private):
    key = Ed25519PrivateKey.from_private_bytes(SEED)
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    payload = struct.pack(">QB", SEQUENCE, 3 if private else 2) + TEXT.encode("utf-8")
    if private:
        tag_key = hkdf(SECRET, b"", b"habarshy/v1/channel-tag", 32)
        channel = TAG_NONCE + hmac.new(tag_key, TAG_NONCE, hashlib.sha256).digest()[:16]
        body_length = len(payload) + 16
    else:
        channel = public
        body_length = len(payload)
    header = bytes([1, 3]) + struct.pack(">QQ", CREATED, EXPIRES) + channel + bytes([2 if private else 1]) \
        + struct.pack(">H", body_length)
    if private:
        okm = hkdf(SECRET, TAG_NONCE, b"habarshy/v1/channel-post-key", 44)
        body = ChaCha20Poly1305(okm[:32]).encrypt(okm[32:], payload, header)
    else:
        body = payload
    padding = bytes(max(0, 194 - 117 - body_length))
    signed = header + body + padding
    return signed + key.sign(b"habarshy/v1/channel-post\x00" + signed), public


if __name__ == "__main__":
    public_post, channel_key = post(False)
    private_post, _ = post(True)
    print("channel key ", channel_key.hex())
    print("public post ", public_post.hex())
    print("private post", private_post.hex())
    print("public id   ", hashlib.sha256(b"habarshy/v1/envelope-id\x00" + public_post).hexdigest())
