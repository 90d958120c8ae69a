/**
 * The registry against the Salesforce CLI's own: every type's folder and suffix must be what
 * the pinned sf's source-deploy-retrieve registers, or sf would not recognize the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_TYPES, sourceFilePath, typeOfFolder } from '../../generator/model/registry';
import { REPO_ROOT } from '../helpers/paths';

interface SdrType {
  readonly name: string;
  readonly directoryName: string;
  readonly suffix: string;
}

const sdrRegistry = JSON.parse(
  readFileSync(
    join(REPO_ROOT, 'node_modules', '@salesforce', 'source-deploy-retrieve', 'lib', 'src', 'registry', 'metadataRegistry.json'),
    'utf8',
  ),
) as { types: Record<string, SdrType> };

describe('the metadata type registry', () => {
  test.each(Object.values(METADATA_TYPES).map((type) => [type.name, type] as const))('%s has sf’s folder and suffix', (name, type) => {
    const sdr = sdrRegistry.types[name.toLowerCase()];
    expect(sdr?.name).toBe(name);
    expect(type.directoryName).toBe(sdr.directoryName);
    expect(type.suffix).toBe(sdr.suffix);
  });

  test('a source file path is folder/name.suffix-meta.xml', () => {
    expect(sourceFilePath(METADATA_TYPES.ConnectedApp, 'My_App')).toBe('connectedApps/My_App.connectedApp-meta.xml');
  });

  test('a folder name finds its type, and only a folder of the registry does', () => {
    expect(typeOfFolder('extlClntAppOauthPolicies')?.name).toBe('ExtlClntAppOauthConfigurablePolicies');
    expect(typeOfFolder('classes')).toBeUndefined();
  });
});
