# Regenerates the frozen golden vector of EnvelopeGoldenVectorTest with an implementation independent of
# this code base (Python 'cryptography', OpenSSL-backed). Run: python3 golden_envelope_v1.py
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
import hashlib
raw = lambda k: k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
sender = Ed25519PrivateKey.from_private_bytes(bytes(range(0x00, 0x20)))
sender_agree = X25519PrivateKey.from_private_bytes(bytes(range(0x20, 0x40)))
recipient = X25519PrivateKey.from_private_bytes(bytes(range(0x40, 0x60)))
eph = X25519PrivateKey.from_private_bytes(bytes(range(0x60, 0x80)))
content = "Habarshy golden vector v1: hello, recipient!".encode()
created, expires = 1767225600000, 1767830400000
header = bytes([1, 1]) + created.to_bytes(8, 'big') + expires.to_bytes(8, 'big') + raw(eph)
assert len(header) == 50
rpub = raw(recipient)
sig = sender.sign(b"habarshy/v1/envelope-signature\x00" + header + rpub + raw(sender_agree) + content)
pt = raw(sender) + raw(sender_agree) + sig + content
shared = eph.exchange(recipient.public_key())
okm = HKDF(algorithm=hashes.SHA256(), length=44, salt=raw(eph) + rpub, info=b"habarshy/v1/envelope-key").derive(shared)
env = header + ChaCha20Poly1305(okm[:32]).encrypt(okm[32:], pt, header)
print("sender_pub", raw(sender).hex())
print("sender_agree_pub", raw(sender_agree).hex())
print("recipient_pub", rpub.hex())
print("eph_pub", raw(eph).hex())
print("len", len(env))
print("id", hashlib.sha256(b"habarshy/v1/envelope-id\x00" + env).hexdigest())
print("env", env.hex())
