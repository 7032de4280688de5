"""Drives the python client that OpenAPI Generator makes with default settings from the spec's flat-query edition
(spec/target/pingpp-openapi.flat-query.yaml) against a Ping++ server: creates a charge, retrieves it, lists the app's
charges with filters, and reads a 4xx error body. Prints one JSON object with what it saw; PythonClientTest checks it.

    PYTHONPATH=<generated client> python3 charge_flow.py <base URL> <API key> <app id>
"""
import json
import sys
import time

import openapi_client
from openapi_client.exceptions import ApiException


def main(base_url, api_key, app_id):
    configuration = openapi_client.Configuration(host=base_url, username=api_key, password="")
    with openapi_client.ApiClient(configuration) as client:
        charges = openapi_client.ChargesApi(client)
        now = int(time.time())
        created = charges.create_charge(openapi_client.ChargeCreateRequest(
            order_no="py%d" % now,
            app=openapi_client.AppReference(id=app_id),
            channel="upacp",
            amount=100,
            client_ip="127.0.0.1",
            currency="cny",
            subject="Your Subject",
            body="Your Body",
            # time_expire must lie in the future: UnionPay takes 1 minute to 1 hour from now.
            time_expire=now + 1800,
            metadata={"color": "red"},
        ))
        retrieved = charges.retrieve_charge(created.id)
        listed = charges.list_charges(app_id=app_id, created_gte=created.created, limit=10)
        try:
            charges.retrieve_charge("ch_doesnotexist00000000000")
            error = {"status": 0, "body": None}
        except ApiException as e:
            error = {"status": e.status, "body": json.loads(e.body)}
    print(json.dumps({
        "created": {"id": created.id, "orderNo": created.order_no, "paid": created.paid, "timeExpire": created.time_expire},
        "retrieved": {"id": retrieved.id, "amount": retrieved.amount, "metadata": retrieved.metadata},
        "listed": [charge.id for charge in listed.data],
        "error": error,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:4])
