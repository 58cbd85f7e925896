resource "aws_iam_role" "iam_22_0" {
  name = "${local.name_prefix}-iam-22-0"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_0_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_0.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.app_0b.arn, aws_kms_key.logs_36b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_22_1" {
  name = "${local.name_prefix}-iam-22-1"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_1_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_1.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.backup_24a.arn, aws_kms_key.app_28b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_22_2" {
  name = "${local.name_prefix}-iam-22-2"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_2_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_2.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = ["arn:aws:kms:eu-central-1:777788889999:key/d1a52c8a-8b0d-8e00-d46e-3a480a79fbce", aws_kms_key.app_28b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_22_3" {
  name = "${local.name_prefix}-iam-22-3"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_3_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_3.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = ["arn:aws:kms:eu-central-1:777788889999:key/016d5892-70e1-7ebf-7a6e-43a0c9485219", aws_kms_key.backup_24b.arn]
    }]
  })
}

resource "aws_iam_role" "iam_22_4" {
  name = "${local.name_prefix}-iam-22-4"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_4_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_4.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.data_16a.arn, "arn:aws:kms:eu-central-1:777788889999:key/f93f56f1-8c23-651b-a58c-0af6b3cd141a"]
    }]
  })
}

resource "aws_iam_role" "iam_22_5" {
  name = "${local.name_prefix}-iam-22-5"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "iam_22_5_kms" {
  name = "kms-use"
  role = aws_iam_role.iam_22_5.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [aws_kms_key.app_0b.arn, aws_kms_key.logs_28a.arn]
    }]
  })
}
