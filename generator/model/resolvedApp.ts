import type { AppKind } from './appKind';
import type { AppSettings } from './template';

/** One app in one environment, after validation: everything the renderers need. */
export interface ResolvedApp {
  /** The template's module name (`fullcast-motion-package`). */
  readonly template: string;
  /** The environment's declared name (aliases resolved). */
  readonly environment: string;
  readonly settings: AppSettings;
  /** What to render: a ConnectedApp or an External Client App. */
  readonly kind: AppKind;
  /** The component name: the template's `apiName`, or the one derived from the label. */
  readonly apiName: string;
  /** `null`: the app has none (written `xsi:nil`, as old retrieves do). */
  readonly contactEmail: string | null;
  /** The Metadata API version the files are written for. */
  readonly apiVersion: number;
}
