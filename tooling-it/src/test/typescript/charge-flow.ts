// Drives the typescript-fetch client, generated with default settings from the published spec, against a Ping++
// server: creates a charge, retrieves it, lists the app's charges with filters, and reads a 4xx error body.
// Prints one JSON object with what it saw; TypeScriptClientTest checks it.
//
//   node charge-flow.js <base URL> <API key> <app id>
import { ChargesApi, Configuration, ResponseError } from './client/index';

// Node's own: the script needs no @types/node for these two.
declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
    const [basePath, apiKey, appId] = process.argv.slice(2);
    const charges = new ChargesApi(new Configuration({ basePath, username: apiKey, password: '' }));
    const now = Math.floor(Date.now() / 1000);

    const created = await charges.createCharge({
        chargeCreateRequest: {
            orderNo: `ts${now}`,
            app: { id: appId },
            channel: 'upacp',
            amount: 100,
            clientIp: '127.0.0.1',
            currency: 'cny',
            subject: 'Your Subject',
            body: 'Your Body',
            // time_expire must lie in the future: UnionPay takes 1 minute to 1 hour from now.
            timeExpire: now + 1800,
            metadata: { color: 'red' },
        },
    });
    const retrieved = await charges.retrieveCharge({ chargeId: created.id });
    const listed = await charges.listCharges({ app: { id: appId }, created: { gte: created.created }, limit: 10 });

    let error: unknown = null;
    let status = 0;
    try {
        await charges.retrieveCharge({ chargeId: 'ch_doesnotexist00000000000' });
    } catch (e) {
        if (!(e instanceof ResponseError)) throw e;
        status = e.response.status;
        error = await e.response.json();
    }
    console.log(JSON.stringify({
        created: { id: created.id, orderNo: created.orderNo, paid: created.paid, timeExpire: created.timeExpire },
        retrieved: { id: retrieved.id, amount: retrieved.amount, metadata: retrieved.metadata },
        listed: listed.data.map(charge => charge.id),
        error: { status, body: error },
    }));
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
