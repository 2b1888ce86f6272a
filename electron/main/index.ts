// The Electron main process entry (out/main/index.js). Everything with a decision in it lives in
// ./pure (plain Node, unit-tested); the files beside this one only wire those decisions to Electron.
import { startApp } from './app';

startApp();
