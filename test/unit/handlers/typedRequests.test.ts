// The custom requests are typed on the server side too: ServerContext.onRequest takes the
// declaration of protocol/clusterProtocol.ts, so a handler with the wrong params or result does
// not compile (`npm test` type-checks this file; the @ts-expect-error lines fail if they compile).
import { strict as assert } from 'node:assert';
import type { ServerContext } from '../../../server/src/handlers/serverContext';
import { DescribeRequest, DefaultProfileRequest } from '../../../server/src/protocol/clusterProtocol';

function registrations(ctx: ServerContext): void {
  ctx.onRequest(DefaultProfileRequest.type, 'ok', () => ({ text: 'kind: Node' }));
  ctx.onRequest(DescribeRequest.type, 'ok', (p) => ({ text: p.target.name, found: true }));
  // @ts-expect-error the result must be DefaultProfileRequest.Result ({ text: string })
  ctx.onRequest(DefaultProfileRequest.type, 'bad result', () => 42);
  // @ts-expect-error params are DescribeRequest.Params: there is no `uri` on them
  ctx.onRequest(DescribeRequest.type, 'bad params', (p) => p.uri);
}

describe('handlers: typed custom requests', () => {
  it('registers through the declarations (checked at compile time)', () => {
    const methods: string[] = [];
    const fake = { onRequest: (type: { method: string }) => methods.push(type.method) } as unknown as ServerContext;
    registrations(fake);
    assert.deepEqual(methods, [DefaultProfileRequest.method, DescribeRequest.method, DefaultProfileRequest.method, DescribeRequest.method]);
  });
});
