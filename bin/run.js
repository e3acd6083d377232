#!/usr/bin/env node
// Production entry point: runs the compiled commands in dist/.
const { execute } = require('@oclif/core');
execute({ dir: __dirname }).catch((err) => {
  // Errors that escape a command are bugs; user errors are rendered by the base command.
  require('@oclif/core').handle(err);
});
