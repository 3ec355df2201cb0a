import { platformModules, type PlatformModuleKey } from '@renda/shared';
import { adminEn } from '../../modules/admin/admin.en';
import { campaignLabelsEn, campaignsEn } from '../../modules/campaigns/campaigns.en';
import { contactsEn } from '../../modules/contacts/contacts.en';
import { deputiesEn } from '../../modules/deputies/deputies.en';
import { notificationsEn } from '../../modules/notifications/notifications.en';
import { opinionBulkEn, opinionCategoriesEn, opinionLabelsEn, opinionsEn } from '../../modules/opinions/opinions.en';
import { reportBacksEn } from '../../modules/reportbacks/reportbacks.en';
import { stationsEn } from '../../modules/stations/stations.en';
import { suggestionsEn } from '../../modules/suggestions/suggestions.en';
import type { Messages } from './zh-CN';

/** English texts: the shell's and the common ones here, each module's from its own folder (modules/<module>/<module>.en.ts). */
export const en: Messages = {
  app: {
    name: "People's Congress Duty Service Platform",
    loading: 'Loading…',
  },
  nav: {
    main: 'Main navigation',
    home: 'Workbench',
    notifications: 'Notifications',
    admin: 'Administration',
    users: 'Users',
    bodies: 'Congress bodies',
    handlingUnits: 'Handling units',
    deadlineRules: 'Deadline rules',
    audit: 'Audit log',
    outbox: 'SMS & email outbox',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
  },
  module: Object.fromEntries(platformModules.map((m) => [m.key, m.labelEn])) as Record<PlatformModuleKey, string>,
  header: {
    currentBody: 'Body: {{name}}',
    bell: 'Notifications, {{count}} unread',
    changePassword: 'Change password',
    language: 'Language / 语言',
    logout: 'Log out',
  },
  language: {
    'zh-CN': '中文',
    en: 'English',
  },
  role: {
    admin: 'Administrator',
    staff: 'Staff',
    leader: 'Leader',
    deputy: 'Deputy',
    handling_unit: 'Handling unit',
  },
  common: {
    attachments: {
      title: 'Attachments',
      upload: 'Upload attachment',
      uploadHint: 'Photos, reports (PDF, Word, Excel, images)',
      uploaded: 'Attachment uploaded',
      none: 'No attachments',
    },
    search: 'Search',
    reset: 'Reset',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    actions: 'Actions',
    all: 'All',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    saved: 'Saved',
    createdAt: 'Created',
    required: 'This field is required',
    total: '{{total}} in total',
    totalAtLeast: 'More than {{total}}',
    details: 'Details',
    filters: 'Filters',
  },
  error: {
    title: 'Something went wrong',
    description: 'The page hit an unexpected error. Please reload it; if the problem persists, contact your administrator.',
    reload: 'Reload',
    network: 'Cannot reach the server. Check your network and try again.',
    unexpected: 'The server sent an unexpected response (HTTP {{status}}).',
    notFoundTitle: 'Page not found',
    notFound: 'The page you asked for does not exist or has been removed.',
    forbiddenTitle: 'Access denied',
    forbidden: 'Your account may not open this page.',
    backHome: 'Back to workbench',
  },
  placeholder: {
    status: 'Under construction',
    description: 'The “{{name}}” module is being built and is not available yet.',
  },
  home: {
    title: 'Workbench',
    greeting: 'Hello, {{name}}',
    role: 'Role',
    body: 'Congress body',
    handlingUnit: 'Handling unit',
    modules: 'Modules',
    admin: 'Administration',
    overdue: {
      title: 'Overdue',
      opinions: 'Opinions overdue',
      assignedOpinions: "Your unit's opinions overdue",
      suggestions: 'Suggestions overdue',
      assignedSuggestions: "Your unit's suggestions overdue",
      unit: '',
    },
  },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    publicSuggestions: 'Published suggestions and replies',
  },
  changePassword: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    hint: 'At least 10 characters, with letters and digits',
    mismatch: 'The two new passwords differ',
    success: 'Password changed',
  },
  ...adminEn,
  ...opinionLabelsEn,
  ...campaignLabelsEn,
  deputies: deputiesEn,
  stations: stationsEn,
  reportbacks: reportBacksEn,
  contacts: contactsEn,
  opinions: opinionsEn,
  opinionCategories: opinionCategoriesEn,
  opinionBulk: opinionBulkEn,
  campaigns: campaignsEn,
  suggestions: suggestionsEn,
  notifications: notificationsEn,
};
