/** Texts of the configuration gaps' buttons: delete an org, delete a scheme draft. */
export const configurationMessagesZhCN = {
  orgDelete: {
    title: '删除党组织“{name}”？',
    text: '只有没有任何历史记录（下级组织、用户、检查轮次、问题等）的党组织可以删除，删除后不能恢复。',
    deleted: '党组织已删除',
    refused: '不能删除该党组织',
    deactivateInstead: '有历史记录的党组织请改为“停用”，其历史记录会保留。',
  },
  schemeDraft: {
    delete: '删除草稿',
    deleteTitle: '删除草稿方案？',
    deleteText: '“{name}”的草稿及其维度和指标将被删除，已发布的版本不受影响。',
    deleted: '草稿已删除',
  },
}
