// eslint-disable-next-line @typescript-eslint/no-var-requires
const pkg = require('../package.json') as { version: string };
/** The dcplan version written into every checkpoint. */
export const VERSION: string = pkg.version;
