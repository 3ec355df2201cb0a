import { z } from 'zod';
// Zod's own messages (for checks without a custom one) in Chinese, on server and web alike.
z.config(z.locales.zhCN());
