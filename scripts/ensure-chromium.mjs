import { HOW_TO_GET_CHROMIUM, findChromium } from './find-chromium.mjs';

const found = findChromium();
if (!found) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
console.log(`Chromium: ${found}`);
