# Regenerates the Habarshy-shaped Argon2id vectors of Argon2idKnownAnswerTest with the reference C
# implementation (libargon2, through Debian's python3-argon2). Run: /usr/bin/python3 argon2id_vectors.py
import argon2.low_level as l
password = "Жарық жоқ, бірақ хабар жетеді".encode()
salt = bytes(range(16))
print("password", password.hex())
for t, m, p in [(2, 19456, 1), (3, 65536, 1)]:
    print(f"m={m} t={t} p={p}", l.hash_secret_raw(password, salt, t, m, p, 32, l.Type.ID, 19).hex())
