// package.json sits outside tsconfig.build's rootDir (src/), so it cannot be a static `import`; require() reads it as
// data at run time, from dist/ and from src/ (ts-jest) alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const pkg = require('../package.json') as { version: string };
/** The dcplan version written into every checkpoint. */
export const VERSION: string = pkg.version;
