/**
 * The shapes of a template module's export and of the settings its `app` returns,
 * mirroring generator/model/template.ts for the checks made at run time.
 */
import type { Field, Shape } from './shape';

const text: Field = { shape: { kind: 'string' } };
const flag: Field = { shape: { kind: 'boolean' } };
const requiredText: Field = { shape: { kind: 'string' }, required: true };
const textList: Shape = { kind: 'array', of: { kind: 'string' } };

const PERIOD: Shape = {
  kind: 'object',
  fields: { value: { shape: { kind: 'integer' }, required: true }, unit: requiredText },
};

const OAUTH: Shape = {
  kind: 'object',
  fields: {
    callbackUrls: { shape: textList, required: true },
    scopes: { shape: textList, required: true },
    requirePkce: flag,
    requireSecretForWebServerFlow: flag,
    requireSecretForRefreshTokenFlow: flag,
    enableClientCredentialsFlow: flag,
    enableAuthorizationCodeAndCredentialsFlow: flag,
    requireCredentialsInPostBody: flag,
    introspectAllTokens: flag,
    issueJwtAccessTokens: flag,
    enableRefreshTokenRotation: flag,
    enableTokenExchangeFlow: flag,
    requireSecretForTokenExchangeFlow: flag,
    certificate: text,
  },
};

const POLICIES: Shape = {
  kind: 'object',
  fields: {
    permittedUsers: text,
    ipRelaxation: text,
    refreshToken: {
      shape: {
        kind: 'oneOf',
        description: "'valid-until-revoked', 'expire-immediately', { expireAfter: { value, unit } } or { expireIfUnusedFor: { value, unit } }",
        options: [
          { kind: 'string' },
          { kind: 'object', fields: { expireAfter: { shape: PERIOD, required: true } } },
          { kind: 'object', fields: { expireIfUnusedFor: { shape: PERIOD, required: true } } },
        ],
      },
    },
    enableTokenExchangeFlow: flag,
    clientCredentialsRunAs: text,
    sessionTimeoutMinutes: { shape: { kind: 'integer' } },
    profiles: { shape: textList },
    permissionSets: { shape: textList },
  },
};

/** The settings `app` returns for one environment. */
export const APP_SETTINGS_SHAPE: Shape = {
  kind: 'object',
  fields: {
    label: requiredText,
    apiName: text,
    contactEmail: text,
    contactPhone: text,
    description: text,
    infoUrl: text,
    logoUrl: text,
    iconUrl: text,
    startUrl: text,
    existsInOrg: flag,
    oauth: { shape: OAUTH },
    policies: { shape: POLICIES },
  },
};

/** A template module's default export. */
export const TEMPLATE_SHAPE: Shape = {
  kind: 'object',
  fields: {
    environments: {
      required: true,
      shape: {
        kind: 'object',
        fields: {},
        open: { kind: 'object', fields: { aliases: { shape: textList } }, open: { kind: 'any' } },
      },
    },
    kind: text,
    app: {
      required: true,
      shape: { kind: 'oneOf', description: 'an object of app settings or a function of the environment', options: [{ kind: 'function' }, { kind: 'object', fields: {}, open: { kind: 'any' } }] },
    },
  },
};
