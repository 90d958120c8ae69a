import { renderApp } from '../../generator/render/index';
import type { ResolvedApp } from '../../generator/model/resolvedApp';

const renderConnectedApp = (app: ResolvedApp) => renderApp(app)[0];
import { fullcastApp } from '../helpers/fullcast';
import { XSD_FILE, requireShared } from '../helpers/paths';
import { schemaErrors } from '../helpers/xsd';

describe('rendered ConnectedApp files against the Metadata API 66.0 schema', () => {
  if (!requireShared(XSD_FILE, 'XSD validation')) return;

  test('prod, sandbox and a file using every policy are valid', async () => {
    const documents = [
      renderConnectedApp(fullcastApp('prod')),
      renderConnectedApp(fullcastApp('sandbox')),
      renderConnectedApp(
        fullcastApp('prod', 66, {
          description: 'All & sundry',
          contactPhone: '+1 555 0100',
          infoUrl: 'https://www.fullcast.io',
          logoUrl: 'https://www.fullcast.io/logo.png',
          iconUrl: 'https://www.fullcast.io/icon.png',
          policies: {
            permittedUsers: 'admin-approved',
            ipRelaxation: 'relax',
            refreshToken: { expireAfter: { value: 1, unit: 'days' } },
            clientCredentialsRunAs: 'integration@example.com',
            sessionTimeoutMinutes: 60,
            profiles: ['System Administrator'],
            permissionSets: ['Fullcast'],
          },
          oauth: {
            callbackUrls: ['https://app.fullcast.io/cb', 'http://localhost:1717/OauthRedirect'],
            scopes: ['Api', 'RefreshToken', 'MCP'],
            enableClientCredentialsFlow: true,
            certificate: 'MIIBszCCAVmgAwIBAgIU',
          },
        }),
      ),
    ].map((file, index) => ({ fileName: `${index}-${file.path.split('/').pop()}`, contents: file.content }));
    expect(await schemaErrors(documents)).toEqual([]);
  });

  test('the validator does reject an element out of schema order', async () => {
    const xml = renderConnectedApp(fullcastApp('prod')).content.replace(
      /(<contactEmail>.*<\/contactEmail>\n)(\s*<label>.*<\/label>\n)/,
      '$2$1',
    );
    expect(await schemaErrors([{ fileName: 'swapped.xml', contents: xml }])).toHaveLength(1);
  });
});
