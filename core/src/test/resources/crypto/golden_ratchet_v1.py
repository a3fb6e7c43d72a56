#!/usr/bin/env python3
"""Independent generator of the Double Ratchet golden vector (docs/PROTOCOL.md section 3.2).

Written from the protocol text only, with Python's hmac/hashlib (HKDF, HMAC) and the `cryptography` package
(X25519 and ChaCha20-Poly1305, OpenSSL). Prints the four messages of RatchetGoldenVectorTest as hex.
Run: python3 golden_ratchet_v1.py
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
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


def pub(priv):
    return X25519PrivateKey.from_private_bytes(priv).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def dh(priv, public):
    return X25519PrivateKey.from_private_bytes(priv).exchange(X25519PublicKey.from_public_bytes(public))


def kdf_rk(rk, dh_out):
    okm = hkdf(dh_out, rk, b"habarshy/v1/ratchet-root", 64)
    return okm[:32], okm[32:]


def kdf_ck(ck):
    return hmac.new(ck, b"\x02", hashlib.sha256).digest(), hmac.new(ck, b"\x01", hashlib.sha256).digest()


class Side:
    def __init__(self, initiator_key, responder_key, session_id, root, dhs, dhr, cks, received_any):
        self.ad = b"habarshy/v1/ratchet\0" + initiator_key + responder_key
        self.session_id, self.rk, self.dhs, self.dhr, self.cks = session_id, root, dhs, dhr, cks
        self.ckr, self.ns, self.nr, self.pn, self.received_any = None, 0, 0, 0, received_any
        self.skipped = {}

    def encrypt(self, plaintext):
        self.cks, mk = kdf_ck(self.cks)
        header = struct.pack(">BB", 1, 0 if self.received_any else 1) + self.session_id + pub(self.dhs) \
            + struct.pack(">II", self.pn, self.ns)
        self.ns += 1
        okm = hkdf(mk, b"", b"habarshy/v1/ratchet-message", 44)
        return header + ChaCha20Poly1305(okm[:32]).encrypt(okm[32:], plaintext, self.ad + header)

    def decrypt(self, message, next_dhs):
        header, body = message[:50], message[50:]
        dh_r = header[10:42]
        pn, n = struct.unpack(">II", header[42:50])
        mk = self.skipped.pop((dh_r, n), None)
        if mk is None:
            if dh_r != self.dhr:
                self.skip(pn)
                self.pn, self.ns, self.nr, self.dhr = self.ns, 0, 0, dh_r
                self.rk, self.ckr = kdf_rk(self.rk, dh(self.dhs, self.dhr))
                self.dhs = next_dhs
                self.rk, self.cks = kdf_rk(self.rk, dh(self.dhs, self.dhr))
            self.skip(n)
            self.ckr, mk = kdf_ck(self.ckr)
            self.nr += 1
        okm = hkdf(mk, b"", b"habarshy/v1/ratchet-message", 44)
        self.received_any = True
        return ChaCha20Poly1305(okm[:32]).decrypt(okm[32:], body, self.ad + header)

    def skip(self, until):
        if self.ckr is None:
            return
        while self.nr < until:
            self.ckr, mk = kdf_ck(self.ckr)
            self.skipped[(self.dhr, self.nr)] = mk
            self.nr += 1


def clamp(k):
    k = bytearray(k)
    k[0] &= 0xF8
    k[31] &= 0x7F
    k[31] |= 0x40
    return bytes(k)


ALICE_ID = bytes([0x11]) * 32
BOB_ID = bytes([0x22]) * 32
SESSION_ID = bytes([0x5A]) * 8
ALICE_RATCHET_1 = clamp(bytes([0x33]) * 32)
ALICE_RATCHET_2 = clamp(bytes([0x44]) * 32)
BOB_RATCHET_1 = clamp(bytes([0x55]) * 32)

a_pub, b_pub = pub(ALICE_ID), pub(BOB_ID)
secret = hkdf(dh(ALICE_ID, b_pub), SESSION_ID, b"habarshy/v1/ratchet-session" + a_pub + b_pub, 32)
rk, cks = kdf_rk(secret, dh(ALICE_RATCHET_1, b_pub))
alice = Side(a_pub, b_pub, SESSION_ID, rk, ALICE_RATCHET_1, b_pub, cks, False)
m1 = alice.encrypt(b"hello 1")
m2 = alice.encrypt(b"hello 2")

bob_secret = hkdf(dh(BOB_ID, a_pub), SESSION_ID, b"habarshy/v1/ratchet-session" + a_pub + b_pub, 32)
bob = Side(a_pub, b_pub, SESSION_ID, bob_secret, BOB_ID, None, None, True)
assert bob.decrypt(m2, BOB_RATCHET_1) == b"hello 2"
assert bob.decrypt(m1, None) == b"hello 1"
r1 = bob.encrypt(b"reply 1")
assert alice.decrypt(r1, ALICE_RATCHET_2) == b"reply 1"
m3 = alice.encrypt(b"hello 3")
assert bob.decrypt(m3, clamp(bytes([0x66]) * 32)) == b"hello 3"

for name, m in (("m1", m1), ("m2", m2), ("r1", r1), ("m3", m3)):
    print(name, m.hex())
