resource "aws_iam_role" "iam_10_0" {
  name = "${local.name_prefix}-iam-10-0"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_0_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_0.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.queue_28b.arn, aws_kms_key.secrets_12b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_1" {
  name = "${local.name_prefix}-iam-10-1"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_1_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_1.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.logs_36a.arn, aws_kms_key.app_0a.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_2" {
  name = "${local.name_prefix}-iam-10-2"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_2_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_2.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.queue_28b.arn, aws_kms_key.secrets_28a.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_3" {
  name = "${local.name_prefix}-iam-10-3"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_3_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_3.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = ["arn:aws:kms:us-east-1:111122223333:key/a9030b1e-360a-ade1-ea95-0c3ae46fd2c1", aws_kms_key.secrets_12b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_4" {
  name = "${local.name_prefix}-iam-10-4"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_4_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_4.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.app_0b.arn, aws_kms_key.secrets_12b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_5" {
  name = "${local.name_prefix}-iam-10-5"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_5_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_5.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.app_0b.arn, aws_kms_key.app_12a.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_6" {
  name = "${local.name_prefix}-iam-10-6"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_6_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_6.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = ["arn:aws:kms:us-east-1:111122223333:key/7350aff3-c83e-0106-da45-7697bbb0766d", aws_kms_key.backup_4a.arn]
    }]
  })
}

resource "aws_iam_role" "iam_10_7" {
  name = "${local.name_prefix}-iam-10-7"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_10_7_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_10_7.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.secrets_28a.arn, aws_kms_key.backup_4a.arn]
    }]
  })
}
