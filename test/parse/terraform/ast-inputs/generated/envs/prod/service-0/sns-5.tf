resource "aws_sns_topic" "sns_5_0" {
  name              = "${local.name_prefix}-sns-5-0"
  kms_master_key_id = aws_kms_alias.logs_36a.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_0" {
  arn = aws_sns_topic.sns_5_0.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_0.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_1" {
  name              = "${local.name_prefix}-sns-5-1"
  kms_master_key_id = aws_kms_alias.secrets_12b.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_1" {
  arn = aws_sns_topic.sns_5_1.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_1.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_2" {
  name              = "${local.name_prefix}-sns-5-2"
  kms_master_key_id = aws_kms_alias.secrets_28a.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_2" {
  arn = aws_sns_topic.sns_5_2.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_2.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_3" {
  name              = "${local.name_prefix}-sns-5-3"
  kms_master_key_id = aws_kms_alias.secrets_28a.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_3" {
  arn = aws_sns_topic.sns_5_3.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_3.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_4" {
  name              = "${local.name_prefix}-sns-5-4"
  kms_master_key_id = aws_kms_alias.queue_4b.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_4" {
  arn = aws_sns_topic.sns_5_4.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_4.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_5" {
  name              = "${local.name_prefix}-sns-5-5"
  kms_master_key_id = aws_kms_alias.backup_4a.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_5" {
  arn = aws_sns_topic.sns_5_5.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_5.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_6" {
  name              = "${local.name_prefix}-sns-5-6"
  kms_master_key_id = aws_kms_alias.logs_36a.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_6" {
  arn = aws_sns_topic.sns_5_6.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_6.arn
    }]
  })
}

resource "aws_sns_topic" "sns_5_7" {
  name              = "${local.name_prefix}-sns-5-7"
  kms_master_key_id = aws_kms_alias.secrets_12b.name

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "sns_5_7" {
  arn = aws_sns_topic.sns_5_7.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.sns_5_7.arn
    }]
  })
}
