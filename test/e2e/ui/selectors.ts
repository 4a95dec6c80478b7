/**
 * Every CSS selector the UI tests use, in one place: when a VS Code release renames a class,
 * this is the file to change. Checked against code-server 4.139.1 (VS Code 1.139).
 */
export const SELECTORS = {
  workbench: '.monaco-workbench',

  /** The Glossary Lens status bar item (`<publisher>.<name>.<item id>`), e.g. "78 terms". */
  glossaryStatus: '[id="glossary-lens.glossary-lens.glossaryLens.status"]',
  /** "Ln 8, Col 12" */
  cursorPosition: '[id="status.editor.selection"]',
  statusBar: '.part.statusbar',
  statusBarItem: '.statusbar-item',

  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  /** The row Enter accepts. */
  quickInputFocusedRow: '.quick-input-widget .quick-input-list .monaco-list-row.focused',
  /** A row's label without description and detail. */
  rowLabel: '.label-name',
  /** Quick Open's folder of a file, a tree item's description. */
  rowDescription: '.label-description',

  /** The editor group that has focus; the text editor of a file is `monaco-editor[data-uri]` inside it. */
  activeGroup: '.part.editor .editor-group-container.active',
  textEditor: '.monaco-editor[data-uri]',
  viewLine: '.view-lines .view-line',
  tab: '.tabs-container .tab',

  /** The editor's hover (not the workbench's tooltips, which are `.monaco-hover` too). */
  editorHover: '.monaco-editor .monaco-hover:not(.hidden)',
  suggestWidget: '.monaco-editor .suggest-widget.visible',
  suggestRow: '.monaco-list-row',
  suggestDetails: '.monaco-editor .suggest-details-container',

  notificationToast: '.notifications-toasts .notification-toast',
  notificationCenter: '.notifications-center.visible',
  notificationItem: '.notification-list-item',

  activityBarItem: '.part.activitybar a.action-label',
  sideBar: '.part.sidebar',
  /** The side bar's heading, the name of its view container ("Glossary Lens"). */
  sideBarTitle: '.part.sidebar .composite.title h2',
  pane: '.pane',
  paneTitle: '.pane-header h3.title',
  treeRow: '.monaco-list-row',
} as const;
