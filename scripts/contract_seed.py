"""Seeds the hub `scripts/contract` tests with one real bundle, uploaded as a device uploads it (announce,
chunks at offsets, finish), signed as scripts/contract_signing.py signs: so the inbox has an entry and a
bundle downloads. Prints the bundle's hash.

    python3 contract_seed.py BASE_URL BUNDLE_FILE   (HUFANG_CONTRACT_DEVICES: the uploading device first)
"""
import hashlib
import io
import json
import sys
import zipfile

import requests

from contract_signing import DEVICES, HubRequestSignature

base, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
manifest = zipfile.ZipFile(io.BytesIO(data)).read("manifest.json")
bundle = hashlib.sha256(manifest).hexdigest()
auth = HubRequestSignature(DEVICES[0])
announced = requests.post(f"{base}/v1/uploads", auth=auth, timeout=30,
                          json={"bundle": bundle, "sha256": hashlib.sha256(data).hexdigest(), "length": len(data)})
announced.raise_for_status()
upload = announced.json()
offset, step = upload["offset"], upload["chunkBytes"]
while offset < len(data):
    chunk = data[offset:offset + step]
    sent = requests.patch(f"{base}/v1/uploads/{upload['upload']}", data=chunk, auth=auth, timeout=30,
                          headers={"Upload-Offset": str(offset), "Content-Type": "application/octet-stream"})
    sent.raise_for_status()
    offset = int(sent.headers["Upload-Offset"])
finished = requests.post(f"{base}/v1/uploads/{upload['upload']}/finish", auth=auth, timeout=60)
finished.raise_for_status()
outcome = finished.json()["outcome"]
if outcome != "applied":
    sys.exit(f"seed bundle: {outcome} {finished.json().get('reason', '')}")
print(bundle)
