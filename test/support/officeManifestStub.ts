/**
 * Replaces `office-addin-manifest` while Jest loads `office-addin-mock`. The mock imports the
 * manifest package only for its `OfficeApp` host names, and under Jest 29 that package does not
 * load: it requires `strip-bom` 5 and `uuid` 13, which ship only as ECMAScript modules. Import
 * this module before `office-addin-mock` in a test file. Plain Node loads the real package.
 */
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

export {};
