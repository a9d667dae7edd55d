import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { testContext } from '../../test/support/local-server.js';
import { lazySdk, requireInstalled, type OptionalSdk } from './optional-sdk.js';

const absentName = '@redline-test/absent-sdk';
// A package that is not installed, imported as a target type would import its SDK.
const absent: OptionalSdk<unknown> = { packageName: absentName, load: () => import(/* @vite-ignore */ absentName) };

describe('optional SDKs', () => {
  it('refuses a target type whose SDK is not installed, naming the command that installs it', () => {
    const check = () => requireInstalled(absent, testContext({}));
    expect(check).toThrow(ConfigError);
    expect(check).toThrow(expect.objectContaining({
      path: 'target.type', hint: `npm install ${absentName}`, message: expect.stringContaining(`npm install ${absentName}`),
    }));
  });

  it('turns a failed lazy import of a missing SDK into the same ConfigError', async () => {
    await expect(lazySdk(absent, testContext({}))()).rejects.toMatchObject({ name: 'ConfigError', hint: `npm install ${absentName}` });
  });

  it('names the install command an SDK gives instead of plain npm install', async () => {
    const install = `SKIP_DOWNLOAD=1 npm install ${absentName}@1.0.0`;
    const pinned = { ...absent, install };
    expect(() => requireInstalled(pinned, testContext({}))).toThrow(expect.objectContaining({ hint: install, message: expect.stringContaining(install) }));
    await expect(lazySdk(pinned, testContext({}))()).rejects.toMatchObject({ hint: install });
  });

  it('imports an installed SDK once, on the first call, and passes other failures through', async () => {
    let imports = 0;
    const load = lazySdk({ packageName: 'zod', load: async () => (imports += 1, import('zod')) }, testContext({}));
    expect(imports).toBe(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(imports).toBe(1);
    const broken = new TypeError('SDK crashed while loading');
    await expect(lazySdk({ packageName: 'zod', load: () => Promise.reject(broken) }, testContext({}))()).rejects.toBe(broken);
  });
});
