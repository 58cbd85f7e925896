resource "aws_sqs_queue" "sqs_3_0_dlq" {
  name                      = "${local.name_prefix}-sqs-3-0-dlq"
  kms_master_key_id         = "arn:aws:kms:us-east-1:111122223333:key/4f980293-2a90-106a-acaa-f0de0d89511a"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_0" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-0"
  kms_master_key_id                 = aws_kms_key.app_0a.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_0_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_1_dlq" {
  name                      = "${local.name_prefix}-sqs-3-1-dlq"
  kms_master_key_id         = aws_kms_key.secrets_16b.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_1" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-1"
  kms_master_key_id                 = aws_kms_key.logs_36a.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_1_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_2_dlq" {
  name                      = "${local.name_prefix}-sqs-3-2-dlq"
  kms_master_key_id         = aws_kms_key.secrets_28a.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_2" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-2"
  kms_master_key_id                 = "arn:aws:kms:us-east-1:111122223333:key/6b3dc12b-0cf5-eda7-9632-fa09922f4075"
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_2_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_3_dlq" {
  name                      = "${local.name_prefix}-sqs-3-3-dlq"
  kms_master_key_id         = aws_kms_key.data_24a.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_3" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-3"
  kms_master_key_id                 = aws_kms_key.app_0a.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_3_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_4_dlq" {
  name                      = "${local.name_prefix}-sqs-3-4-dlq"
  kms_master_key_id         = aws_kms_key.app_0a.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_4" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-4"
  kms_master_key_id                 = aws_kms_key.data_36b.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_4_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_5_dlq" {
  name                      = "${local.name_prefix}-sqs-3-5-dlq"
  kms_master_key_id         = aws_kms_key.secrets_24b.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_5" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-5"
  kms_master_key_id                 = aws_kms_key.data_24a.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_5_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}

resource "aws_sqs_queue" "sqs_3_6_dlq" {
  name                      = "${local.name_prefix}-sqs-3-6-dlq"
  kms_master_key_id         = aws_kms_key.secrets_12b.id
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "sqs_3_6" {
  for_each = local.queues

  name                              = "${local.name_prefix}-${each.key}-sqs-3-6"
  kms_master_key_id                 = aws_kms_key.secrets_16b.arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sqs_3_6_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}
