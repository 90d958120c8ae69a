/**
 * Fullcast Motion Package: the connected app a Salesforce admin creates to connect
 * Fullcast to an org, as the Fullcast setup guide lists the Setup steps.
 */
import type { AppTemplate } from '../generator/model/template';

/** Fullcast pages Salesforce may redirect to after authorization, in Setup's order. */
const CALLBACK_PATHS = ['/app/motion/segments', '/app/admin/motion', '/app/admin/export-import'];

const template: AppTemplate<{ baseUrl: string }> = {
  environments: {
    prod: { baseUrl: 'https://app.fullcast.io' },
    /** Fullcast's pre-production site. */
    sandbox: { baseUrl: 'https://sandbox.fullcast.io', aliases: ['preprod'] },
  },
  app: ({ baseUrl }) => ({
    label: 'Fullcast Motion Package',
    oauth: {
      callbackUrls: CALLBACK_PATHS.map((path) => `${baseUrl}${path}`),
      // Access the identity URL service, Full access, Manage user data via APIs,
      // Manage user data via Web browsers, Perform requests at any time.
      scopes: ['Basic', 'Full', 'Api', 'Web', 'RefreshToken'],
      requirePkce: false,
      requireSecretForWebServerFlow: true,
      requireSecretForRefreshTokenFlow: true,
    },
    policies: {
      permittedUsers: 'all-self-authorize',
      ipRelaxation: 'enforce-relax-refresh',
      refreshToken: 'valid-until-revoked',
    },
  }),
};

export default template;
