// Browser tests drive Debian's Chromium (a test tool's own browser download cannot work here).
// Installs it with the CJK fonts the pages need when it is missing; needs root, as on CI.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
if (existsSync(chromium) && existsSync(fonts)) process.exit(0);
console.log('Installing Chromium and Noto CJK fonts from Debian packages…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
