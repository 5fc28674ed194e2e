"""Schemathesis hooks for `scripts/contract`: every request to the hub under /v1/ but /v1/hub is signed
exactly as `HubRequestSignature` (Sources/Store/Sync/HubRequestSignature.swift) signs it, over the bytes
`requests` actually sends, with the key of an enrolled device named by the environment:

    HUFANG_CONTRACT_DEVICES  a list of "DEVICE_ID KEY_FILE CERT_FILE" separated by ";"

Requests alternate between the devices (an enumerator and a supervisor), so both scopes are exercised.
"""
import base64
import hashlib
import itertools
import os
import secrets
import time

import requests
import schemathesis
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class Device:
    def __init__(self, device_id, key_file, cert_file):
        with open(key_file, encoding="utf-8") as f:
            header, raw = f.read().split()[:2]
        if header != "hufang-device-key-v1":
            raise ValueError(f"{key_file}: not a hufang device key")
        self.id = device_id
        self.key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw))
        with open(cert_file, "rb") as f:
            self.certificate = base64.b64encode(f.read()).decode()


DEVICES = [Device(*entry.split()) for entry in os.environ["HUFANG_CONTRACT_DEVICES"].split(";") if entry.strip()]
TURN = itertools.cycle(DEVICES)


class HubRequestSignature(requests.auth.AuthBase):
    """Signs the prepared request: method, path with query, time, nonce and the body's SHA-256."""

    def __init__(self, device):
        self.device = device

    def __call__(self, request):
        path = request.path_url
        if not path.startswith("/v1/") or path.split("?")[0] == "/v1/hub":
            return request
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        now = str(int(time.time()))
        nonce = secrets.token_hex(16)
        message = "\n".join(["hufang-hub-request-v1", request.method.upper(), path, now, nonce, hashlib.sha256(body).hexdigest()])
        signature = base64.b64encode(self.device.key.sign(message.encode("utf-8"))).decode()
        request.headers["Hufang-Device"] = self.device.id
        request.headers["Hufang-Time"] = now
        request.headers["Hufang-Nonce"] = nonce
        request.headers["Hufang-Signature"] = signature
        request.headers["Hufang-Certificate"] = self.device.certificate
        return request


# A bundle the seed uploaded (the enumerator's, in the supervisor's inbox): some downloads ask for it, so
# the 200 answer is checked against the document too, not only the 404.
SEEDED = os.environ.get("HUFANG_CONTRACT_BUNDLE", "")
DOWNLOADS = itertools.count()


@schemathesis.hook
def before_call(context, case, kwargs):
    # The generated Hufang-* headers are replaced by real ones: a request that does not prove its device
    # only ever gets 401 and would test nothing behind it.
    if case.headers:
        case.headers = {k: v for k, v in case.headers.items() if not k.lower().startswith("hufang-")}
    device = next(TURN)
    if SEEDED and case.operation.path == "/v1/bundles/{hash}" and next(DOWNLOADS) % 3 == 0:
        case.path_parameters = {**(case.path_parameters or {}), "hash": SEEDED}
        device = DEVICES[-1]
    kwargs["auth"] = HubRequestSignature(device)
