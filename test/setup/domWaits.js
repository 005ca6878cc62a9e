// The page tests wait for what the page shows. Testing Library gives up after 1 s by default,
// which a busy two-core CI machine can overrun while checking workbooks in a test; the page is
// not slower for it. A wait that never succeeds still fails, only later.
if (typeof document !== 'undefined') {
  require('@testing-library/dom').configure({ asyncUtilTimeout: 10_000 });
}
