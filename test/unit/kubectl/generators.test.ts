// What `kubectl create configmap|secret|deployment` generate from their flags, and the errors.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configMapFrom, containerNameOf, deploymentFrom, genericSecretFrom, tlsSecretFrom, type DataSources } from '../../../server/src/kubectl/generators';

const none: DataSources = { literals: [], files: [], envFiles: [] };

describe('kubectl create generators', () => {
  // [sources, data or error]
  const configMaps: [Partial<DataSources>, Record<string, string> | string][] = [
    [{ literals: ['MODE=prod', 'URL=a=b'] }, { MODE: 'prod', URL: 'a=b' }],
    [{ files: [{ key: 'app.conf', content: 'x=1\n' }] }, { 'app.conf': 'x=1\n' }],
    [{ envFiles: [{ path: 'c.txt', content: 'A=1\n# note\n\n  B=two words\nNOVALUE\nC=\n' }] }, { A: '1', B: 'two words', NOVALUE: '', C: '' }],
    // a line without `=` takes its value from kubectl's environment (unset: empty)
    [
      { envFiles: [{ path: 'c.txt', content: 'HOME_DIR\nUNSET\n' }], environment: (k) => (k === 'HOME_DIR' ? '/home/dev' : undefined) },
      { HOME_DIR: '/home/dev', UNSET: '' },
    ],
    [{ envFiles: [{ path: 'c.txt', content: '\uFEFFA=1\n\uFEFFB=2\n' }] }, /^error: "\uFEFFB" is not a valid key name: .*\(line 2 of c\.txt\)$/.source],
    [{ envFiles: [{ path: 'c.txt', content: '\uFEFFA=1\n' }] }, { A: '1' }],
    [{ literals: ['MODE'] }, 'error: invalid literal source MODE, expected key=value'],
    [{ literals: ['A=1', 'A=2'] }, 'error: cannot add key A, another key by that name already exists in Data for ConfigMap "c"'],
    [{ literals: ['a b=1'] }, /^error: "a b" is not valid key name for a ConfigMap: /.source],
    [{ envFiles: [{ path: 'c.txt', content: '1A=x\n' }] }, /^error: "1A" is not a valid key name: .*\(line 1 of c\.txt\)$/.source],
  ];
  for (const [src, expected] of configMaps) {
    it(`configmap from ${JSON.stringify(src)}${src.environment ? ' with an environment' : ''}`, () => {
      const g = configMapFrom('c', undefined, { ...none, ...src });
      if (typeof expected === 'string') {
        assert.ok(!g.ok);
        if (expected.startsWith('^')) assert.match(g.error, new RegExp(expected));
        else assert.equal(g.error, expected);
      } else {
        assert.ok(g.ok);
        assert.deepEqual(g.obj, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: expected });
      }
    });
  }

  it('a generic secret holds the values base64-encoded, with no type (the API server defaults Opaque)', () => {
    const g = genericSecretFrom('db', 'shop', { ...none, literals: ['password=s3cr=t'] });
    assert.deepEqual(g, {
      ok: true,
      obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, data: { password: 'czNjcj10' } },
    });
  });

  describe("a TLS secret: the checks of Go's tls.X509KeyPair", () => {
    const fixture = (f: string) => readFileSync(join('test/fixtures/tls', f), 'utf8');
    const cert = fixture('web.crt');
    const key = fixture('web.key');
    const otherKey = fixture('other.key');
    const pemOnly = (what: string) => `-----BEGIN ${what}-----\nMIIB\n-----END ${what}-----\n`;
    // certificate, key → the error kubectl prints (undefined: the Secret is made)
    const table: [string, string, string, string | undefined][] = [
      ['a certificate and its own key', cert, key, undefined],
      ['no PEM in the certificate', 'not pem', key, 'error: failed to load key pair tls: failed to find any PEM data in certificate input'],
      ['no PEM in the key', cert, 'not pem', 'error: failed to load key pair tls: failed to find any PEM data in key input'],
      ['a PEM block that is no certificate', pemOnly('CERTIFICATE'), key, 'error: failed to load key pair x509: malformed certificate'],
      ['a PEM block that is no key', cert, pemOnly('PRIVATE KEY'), 'error: failed to load key pair tls: failed to parse private key'],
      ["another key than the certificate's", cert, otherKey, 'error: failed to load key pair tls: private key does not match public key'],
    ];
    for (const [what, c, k, error] of table) {
      it(`${what} → ${error ?? 'kubernetes.io/tls Secret'}`, () => {
        const g = tlsSecretFrom('https', undefined, c, k);
        if (error) assert.deepEqual(g, { ok: false, error });
        else {
          assert.ok(g.ok);
          assert.equal((g.obj as { type: string }).type, 'kubernetes.io/tls');
          assert.deepEqual((g.obj as { data: Record<string, string> }).data, {
            'tls.crt': Buffer.from(cert).toString('base64'),
            'tls.key': Buffer.from(key).toString('base64'),
          });
        }
      });
    }
  });

  // image → container name
  const names: [string, string][] = [
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['registry.example.com:5000/team/my_app:v2', 'my-app'],
    [`busybox@sha256:${'a'.repeat(64)}`, 'busybox'],
  ];
  for (const [image, name] of names) it(`image ${image} → container ${name}`, () => assert.equal(containerNameOf(image), name));

  it('a deployment: app=<name> labels and selector, the replicas and port given', () => {
    const g = deploymentFrom('web', undefined, ['nginx:1.27'], 2, 80);
    assert.deepEqual(g, {
      ok: true,
      obj: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          strategy: {},
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} }] },
          },
        },
        status: {},
      },
    });
    assert.deepEqual(deploymentFrom('web', undefined, [], 1), { ok: false, error: 'error: required flag(s) "image" not set' });
  });
});
