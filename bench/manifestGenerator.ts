// Deterministic benchmark input: N documents cycling Deployment, Service, ConfigMap, with
// every 10th Deployment carrying mistakes (so diagnostics have work to do).

export function generateManifests(count: number): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < count; i++) {
    const bad = i % 10 === 9;
    docs.push(deployment(i, bad));
    if (docs.length < count) docs.push(service(i));
    if (docs.length < count) docs.push(configMap(i));
  }
  return docs.join('---\n');
}

function deployment(i: number, bad: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels:
    app: app-${i}
spec:
  replicas: ${bad ? '"3"' : 3}
  selector:
    matchLabels:
      app: app-${i}
  strategy:
    type: ${bad ? 'Rolling' : 'RollingUpdate'}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: example/app:${i}
          imagePullPolicy: ${bad ? 'Sometimes' : 'IfNotPresent'}
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: CONFIG
              valueFrom:
                configMapKeyRef:
                  name: app-${i}-config
                  key: config
          resources:
            requests:
              cpu: 100m
              memory: ${bad ? '128mb' : '128Mi'}
            limits:
              cpu: 500m
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
`;
}

function service(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${i}-config
data:
  config: |
    mode=production
    replica=${i}
`;
}
