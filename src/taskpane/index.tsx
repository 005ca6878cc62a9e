import { boot } from './boot/boot';

// taskpane.html's inline script has already said that this webview (IE11, Edge Legacy) cannot run the pane.
if (!(window as Window & { __dutyReviewLegacy?: boolean }).__dutyReviewLegacy)
  void boot(document.getElementById('root')!);
