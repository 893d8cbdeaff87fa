import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CustomRole, KefuTrustApi, RoleListing } from '@kefu/sdk';
import {
  App as AntApp,
  Button,
  Checkbox,
  Form,
  Input,
  List,
  Modal,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { usePermissionLabel } from './permissionLabels';
import { useSecurityText } from './securityText';
import { useFailureText } from '../common/failureText';

type BuiltInLabelKey = 'builtInAdmin' | 'builtInSupervisor' | 'builtInAgent' | 'builtInAnalyst';
const builtInLabels: Record<string, BuiltInLabelKey> = {
  admin: 'builtInAdmin',
  supervisor: 'builtInSupervisor',
  agent: 'builtInAgent',
  analyst: 'builtInAnalyst',
};

interface RoleForm {
  name: string;
  permissions: string[];
}

/** The built-in roles with their permissions, and the custom roles an admin defines from named permissions. */
export function RolesTab({ api }: { api: KefuTrustApi }) {
  const text = useSecurityText();
  const permissionLabel = usePermissionLabel();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [listing, setListing] = useState<RoleListing | null>(null);
  const [editing, setEditing] = useState<CustomRole | 'new' | null>(null);
  const [form] = Form.useForm<RoleForm>();
  const reload = useCallback(() => {
    api.listRoles().then(setListing, (failure: unknown) => toast.error(String(failure)));
  }, [api, toast]);
  useEffect(reload, [reload]);
  if (!listing) return <Spin />;

  const report = (failure: unknown) => toast.error(describeFailure(failure));
  const open = (role: CustomRole | 'new') => {
    setEditing(role);
    form.setFieldsValue(role === 'new' ? { name: '', permissions: [] } : role);
  };
  const save = async () => {
    const input = await form.validateFields();
    try {
      if (editing === 'new') await api.createRole(input);
      else if (editing) await api.updateRole(editing.id, input);
      setEditing(null);
      toast.success(text('saved'));
      reload();
    } catch (failure) {
      report(failure);
    }
  };
  const remove = (role: CustomRole) => api.deleteRole(role.id).then(reload, report);
  const permissionTags = (permissions: string[]) =>
    permissions.map((permission) => <Tag key={permission}>{permissionLabel(permission)}</Tag>);

  return (
    <Space direction="vertical" size="large" className="security-tab">
      <div>
        <Typography.Title level={5}>{text('rolesBuiltIn')}</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={listing.builtIn}
          renderItem={(entry) => (
            <List.Item>
              <List.Item.Meta
                title={text(builtInLabels[entry.role] ?? 'builtInAgent')}
                description={permissionTags(entry.permissions)}
              />
            </List.Item>
          )}
        />
      </div>
      <div>
        <Space className="security-section-title">
          <Typography.Title level={5}>{text('rolesCustom')}</Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {text('roleNew')}
          </Button>
        </Space>
        <List
          size="small"
          bordered
          dataSource={listing.custom}
          locale={{ emptyText: text('roleNone') }}
          renderItem={(role) => (
            <List.Item
              actions={[
                <Button
                  key="edit"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={text('roleEditLabel', { name: role.name })}
                  onClick={() => open(role)}
                />,
                <Button
                  key="delete"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={text('roleDelete', { name: role.name })}
                  onClick={() => void remove(role)}
                />,
              ]}
            >
              <List.Item.Meta title={role.name} description={permissionTags(role.permissions)} />
            </List.Item>
          )}
        />
      </div>
      <Modal
        open={editing !== null}
        title={text(editing === 'new' ? 'roleNew' : 'roleEdit')}
        okText={text('save')}
        cancelText={text('cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="name" label={text('roleName')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="permissions" label={text('rolePermissions')}>
            <Checkbox.Group
              className="permission-checkboxes"
              options={listing.permissions.map((permission) => ({
                value: permission,
                label: permissionLabel(permission),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
