/** The built-in template, resolved for tests that exercise rendering in-process. */
import template from '../../templates/fullcast-motion-package';
import type { AppKind } from '../../generator/model/appKind';
import type { ResolvedApp } from '../../generator/model/resolvedApp';
import type { AppSettings } from '../../generator/model/template';

function fullcastSettings(environment: 'prod' | 'sandbox'): AppSettings {
  const app = template.app;
  return typeof app === 'function' ? app({ ...template.environments[environment], name: environment }) : app;
}

export function fullcastApp(
  environment: 'prod' | 'sandbox',
  apiVersion = 66,
  overrides: Partial<AppSettings> = {},
  kind: AppKind = 'connected-app',
): ResolvedApp {
  return {
    template: 'fullcast-motion-package',
    environment,
    kind,
    settings: { ...fullcastSettings(environment), ...overrides },
    apiName: 'Fullcast_Motion_Package',
    contactEmail: 'admin@example.com',
    apiVersion,
  };
}
