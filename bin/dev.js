#!/usr/bin/env node
// Development entry point: same as run.js but with oclif's development mode (ts source via ts-node when present).
const { execute } = require('@oclif/core');
execute({ development: true, dir: __dirname }).catch((err) => require('@oclif/core').handle(err));
