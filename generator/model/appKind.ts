/** The metadata a template renders to: a ConnectedApp, or the External Client App file set. */
export const APP_KINDS = ['connected-app', 'external-client-app'] as const;

export type AppKind = (typeof APP_KINDS)[number];

/** The kind a template renders when neither `--kind` nor the template names one. */
export const DEFAULT_KIND: AppKind = 'connected-app';

export function isAppKind(value: string): value is AppKind {
  return (APP_KINDS as readonly string[]).includes(value);
}
