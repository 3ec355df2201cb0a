import type { Body, BodyLevel, HandlingUnit, HandlingUnitKind, Region, Role, User } from '@renda/shared';
import type { bodies, handlingUnits, regions, users } from '../../db/schema.js';

export function presentRegion(r: typeof regions.$inferSelect): Region {
  return { code: r.code, name: r.name, parentCode: r.parentCode, level: r.level as Region['level'] };
}

export function presentBody(r: { body: typeof bodies.$inferSelect; regionName: string | null }): Body {
  return {
    id: r.body.id,
    parentId: r.body.parentId,
    regionCode: r.body.regionCode,
    regionName: r.regionName,
    level: r.body.level as BodyLevel,
    name: r.body.name,
    createdAt: r.body.createdAt.toISOString(),
  };
}

export function presentHandlingUnit(r: { unit: typeof handlingUnits.$inferSelect; bodyName: string; userCount: number }): HandlingUnit {
  return {
    id: r.unit.id,
    bodyId: r.unit.bodyId,
    bodyName: r.bodyName,
    name: r.unit.name,
    kind: r.unit.kind as HandlingUnitKind,
    contactName: r.unit.contactName,
    contactPhone: r.unit.contactPhone,
    active: r.unit.active,
    userCount: r.userCount,
    createdAt: r.unit.createdAt.toISOString(),
  };
}

/** Never exposes the password hash or failure counter. */
export function presentUser(r: { user: typeof users.$inferSelect; bodyName: string; handlingUnitName: string | null }): User {
  return {
    id: r.user.id,
    username: r.user.username,
    displayName: r.user.displayName,
    role: r.user.role as Role,
    bodyId: r.user.bodyId,
    bodyName: r.bodyName,
    handlingUnitId: r.user.handlingUnitId,
    handlingUnitName: r.handlingUnitName,
    phone: r.user.phone,
    active: r.user.active,
    lockedUntil: r.user.lockedUntil?.toISOString() ?? null,
    passwordMustChange: r.user.passwordMustChange,
    createdAt: r.user.createdAt.toISOString(),
  };
}
