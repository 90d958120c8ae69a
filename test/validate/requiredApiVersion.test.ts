import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import { connectedAppMetadata } from '../../generator/render/connectedApp';
import { requiredApiVersion } from '../../generator/validate/requiredApiVersion';
import { fullcastApp } from '../helpers/fullcast';

const need = (overrides: Parameters<typeof fullcastApp>[2]) =>
  requiredApiVersion(connectedAppMetadata(fullcastApp('prod', 66, overrides)), CONNECTED_APP_SCHEMA);

describe('requiredApiVersion', () => {
  test('the Fullcast app needs 49.0, for its IP relaxation policy', () => {
    expect(need({})).toEqual({ version: 49, element: 'oauthPolicy.ipRelaxation' });
  });

  test('settings at their defaults need nothing', () => {
    expect(need({ policies: {} })).toBeUndefined();
  });

  test('a non-default flag needs the version that introduced it', () => {
    expect(need({ oauth: { callbackUrls: ['https://a.example.com'], scopes: ['Api'], requirePkce: true } })).toEqual({
      version: 59,
      element: 'oauthConfig.isPkceRequired',
    });
    expect(need({ oauth: { callbackUrls: ['https://a.example.com'], scopes: ['Api'], enableRefreshTokenRotation: true } })).toEqual({
      version: 60,
      element: 'oauthConfig.isRefreshTokenRotationEnabled',
    });
  });

  test('a list of profiles needs 46.0, a session timeout 49.0', () => {
    expect(need({ policies: { profiles: ['Admin'] } })).toEqual({ version: 46, element: 'profileName' });
    expect(need({ policies: { permittedUsers: 'admin-approved' } })).toEqual({ version: 46, element: 'oauthConfig.isAdminApproved' });
    expect(need({ policies: { sessionTimeoutMinutes: 15 } })).toEqual({ version: 49, element: 'sessionPolicy.sessionTimeout' });
  });
});
