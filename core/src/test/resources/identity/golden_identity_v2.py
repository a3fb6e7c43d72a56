# Regenerates the frozen version-2 identity file of IdentityFileGoldenVectorTest with implementations
# independent of this code base: libargon2 (Debian's python3-argon2), Python 'cryptography' (OpenSSL) and
# protobuf encoded by hand. Run: /usr/bin/python3 golden_identity_v2.py
import argon2.low_level as argon2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305


def varint(n):
    out = b""
    while True:
        low, n = n & 0x7F, n >> 7
        out += bytes([low | (0x80 if n else 0)])
        if not n:
            return out


def field_varint(number, value):
    return varint(number << 3) + varint(value)


def field_bytes(number, value):
    return varint(number << 3 | 2) + varint(len(value)) + value


raw = lambda k: k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
seed = bytes(range(0x00, 0x20))
agreement = bytes(range(0x20, 0x40))
name = "Айгерім".encode()
created_at = 1767225600000
passphrase = "Жарық жоқ, бірақ хабар жетеді".encode()
salt = bytes(range(0x40, 0x50))
nonce = bytes(range(0x50, 0x5C))
m, t, p = 19456, 2, 1

version1 = (field_varint(1, 1) + field_bytes(2, name) + field_bytes(3, seed) + field_bytes(4, agreement)
            + field_varint(5, created_at))
header = (field_varint(1, 2) + field_varint(2, 1) + field_varint(3, m) + field_varint(4, t) + field_varint(5, p)
          + field_bytes(6, salt))


def encrypted_file(m, t, p):
    header = (field_varint(1, 2) + field_varint(2, 1) + field_varint(3, m) + field_varint(4, t)
              + field_varint(5, p) + field_bytes(6, salt))
    key = argon2.hash_secret_raw(passphrase, salt, t, m, p, 32, argon2.Type.ID, 19)
    sealed = nonce + ChaCha20Poly1305(key).encrypt(nonce, version1, b"habarshy/v1/identity-file\x00" + header)
    return header, field_varint(1, 2) + field_bytes(2, header) + field_bytes(3, sealed)


header, file = encrypted_file(m, t, p)
print("signing_pub", raw(Ed25519PrivateKey.from_private_bytes(seed)).hex())
print("agreement_pub", raw(X25519PrivateKey.from_private_bytes(agreement)).hex())
print("version1", version1.hex())
print("header", header.hex())
print("file", file.hex())
# Correctly sealed, but with parameters below the floor (m=1024 KiB, t=1): readers must refuse it.
print("weak_file", encrypted_file(1024, 1, 1)[1].hex())
