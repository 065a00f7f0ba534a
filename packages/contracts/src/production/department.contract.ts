// A project's departments: created, renamed and deleted by its managers; members are put in
// departments with the member routes. Renaming or deleting carries through to members and
// task types.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id } from './project.contract'

const DepartmentName = z.string().trim().min(1).max(60)

export const Department = z
  .object({ name: z.string(), memberCount: z.number().int(), taskTypeCount: z.number().int() })
  .meta({ id: 'Department' })
export type Department = z.infer<typeof Department>

export const DepartmentParams = z.object({ projectId: Id, department: z.string().min(1).max(60) }).strict()
export const DepartmentRequest = z.object({ name: DepartmentName }).strict()

const tags = ['production'] as const
export const departmentRoutes = {
  listDepartments: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/departments',
    summary: 'The project’s departments with member and task type counts',
    tags,
    access: access.authenticated,
    params: z.object({ projectId: Id }).strict(),
    response: z.object({ items: z.array(Department) }),
  }),
  createDepartment: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/departments',
    summary: 'Add a department (managers)',
    tags,
    access: access.authenticated,
    params: z.object({ projectId: Id }).strict(),
    body: DepartmentRequest,
    response: Department,
    status: 201,
  }),
  renameDepartment: defineRoute({
    method: 'PATCH',
    path: '/api/projects/:projectId/departments/:department',
    summary: 'Rename a department; its members and task types follow (managers)',
    tags,
    access: access.authenticated,
    params: DepartmentParams,
    body: DepartmentRequest,
    response: Department,
  }),
  deleteDepartment: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/departments/:department',
    summary: 'Delete a department; members leave it, task types lose it (managers)',
    tags,
    access: access.authenticated,
    params: DepartmentParams,
    response: null,
    status: 204,
  }),
}
