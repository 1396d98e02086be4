const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Node target: node_modules stay external (better-sqlite3 and argon2 are native addons).
module.exports = {
  output: {
    path: join(__dirname, '../dist/server'),
    clean: true,
    devtoolModuleFilenameTemplate: '[absolute-resource-path]',
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Maintenance commands (npm run backup / restore / import), bundled next to the server they belong to.
      additionalEntryPoints: [
        { entryName: 'backup', entryPath: './src/maintenance/backup.ts' },
        { entryName: 'restore', entryPath: './src/maintenance/restore.ts' },
        // npm run import: the nightly load from the HIS (imports/).
        { entryName: 'import', entryPath: './src/import-cli.ts' },
        // npm run rollups:rebuild: recompute the indicator rollups from their source rows.
        { entryName: 'rollups-rebuild', entryPath: './src/indicators/rollups/rebuild-cli.ts' },
        // npm run relationship:pass: the day's relationship pass now (issue #14), with its times.
        { entryName: 'relationship-pass', entryPath: './src/relationship/pass-cli.ts' },
        // npm run themes:retag: tag again the survey comments a previous tagger version read.
        { entryName: 'themes-retag', entryPath: './src/surveys/themes/retag-cli.ts' },
        // The SQLite read workers' thread (core/database/sqlite-readers.ts).
        { entryName: 'sqlite-read-worker', entryPath: './src/core/database/sqlite-read-worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
