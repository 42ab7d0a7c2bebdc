import { readFileSync } from 'node:fs';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string };
}

/** Connection options from config; mTLS when a client cert/key is configured (Temporal Cloud or a secured cluster). */
export function connectionOptions(s: TemporalSettings) {
  const tls =
    s.tls?.certPath && s.tls.keyPath
      ? {
          clientCertPair: { crt: readFileSync(s.tls.certPath), key: readFileSync(s.tls.keyPath) },
          serverRootCACertificate: s.tls.caPath ? readFileSync(s.tls.caPath) : undefined,
        }
      : undefined;
  return { address: s.address, tls };
}
