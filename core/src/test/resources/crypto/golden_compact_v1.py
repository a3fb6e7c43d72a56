"""Independent generator of the compact message v1 golden vector (docs/PROTOCOL.md, "Compact sealed message").

Uses only the Python `cryptography` package (OpenSSL). Run: python3 golden_compact_v1.py
"""
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives import hashes, serialization


def counting(first, n=32):
    return bytes((first + i) & 0xFF for i in range(n))


raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
sender = X25519PrivateKey.from_private_bytes(counting(0x20))
recipient = X25519PrivateKey.from_private_bytes(counting(0x40))
s_pub = sender.public_key().public_bytes(*raw)
r_pub = recipient.public_key().public_bytes(*raw)
salt = counting(0xA0, 8)
created_ms = 1_767_225_600_000
lifetime = 168
plaintext = "Habarshy compact vector v1: сәлем!".encode()

shared = sender.exchange(recipient.public_key())
okm = HKDF(hashes.SHA256(), 34, salt, b"habarshy/v1/compact-key\x00" + s_pub + r_pub).derive(shared)
key, hint = okm[:32], okm[32:34]
header = bytes([0xC1]) + (created_ms // 60000).to_bytes(4, "big") + bytes([lifetime]) + salt + hint
message = header + ChaCha20Poly1305(key).encrypt(bytes(12), plaintext, header)
print(message.hex())
