import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import { serializeMetadata } from '../../generator/render/serialize';

describe('serializeMetadata', () => {
  const app = {
    contactEmail: 'a@example.com',
    label: 'A',
    oauthConfig: { callbackUrl: 'https://a.example.com', isPkceRequired: false, scopes: ['Api', 'Web'] },
  };

  test('orders elements by the schema, not by the object', () => {
    const tree = serializeMetadata({ label: 'A', contactEmail: 'a@example.com' }, CONNECTED_APP_SCHEMA, 66);
    expect('children' in tree && tree.children.map((child) => child.name)).toEqual(['contactEmail', 'label']);
  });

  test('writes a repeated element once per value, and leaves out elements newer than the version', () => {
    const at58 = serializeMetadata(app, CONNECTED_APP_SCHEMA, 58);
    const oauth = 'children' in at58 ? at58.children.find((child) => child.name === 'oauthConfig') : undefined;
    expect(oauth && 'children' in oauth && oauth.children.map((child) => child.name)).toEqual(['callbackUrl', 'scopes', 'scopes']);
  });

  test('refuses an element the type does not have', () => {
    expect(() => serializeMetadata({ label: 'A', consumerKeyX: 'k' }, CONNECTED_APP_SCHEMA, 66)).toThrow(
      'ConnectedApp has no element consumerKeyX',
    );
  });
});
