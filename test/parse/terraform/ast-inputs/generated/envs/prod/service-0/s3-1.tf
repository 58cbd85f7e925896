resource "aws_s3_bucket" "s3_1_0" {
  bucket = "${local.name_prefix}-s3-1-0"

  tags = merge(local.common_tags, { Name = "s3_1_0" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_0" {
  bucket = aws_s3_bucket.s3_1_0.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.app_12a.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_0" {
  bucket = aws_s3_bucket.s3_1_0.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_0" {
  bucket                  = aws_s3_bucket.s3_1_0.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_1" {
  bucket = "${local.name_prefix}-s3-1-1"

  tags = merge(local.common_tags, { Name = "s3_1_1" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_1" {
  bucket = aws_s3_bucket.s3_1_1.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.secrets_24b.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_1" {
  bucket = aws_s3_bucket.s3_1_1.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_1" {
  bucket                  = aws_s3_bucket.s3_1_1.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_2" {
  bucket = "${local.name_prefix}-s3-1-2"

  tags = merge(local.common_tags, { Name = "s3_1_2" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_2" {
  bucket = aws_s3_bucket.s3_1_2.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.secrets_28a.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_2" {
  bucket = aws_s3_bucket.s3_1_2.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_2" {
  bucket                  = aws_s3_bucket.s3_1_2.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_3" {
  bucket = "${local.name_prefix}-s3-1-3"

  tags = merge(local.common_tags, { Name = "s3_1_3" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_3" {
  bucket = aws_s3_bucket.s3_1_3.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.secrets_28a.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_3" {
  bucket = aws_s3_bucket.s3_1_3.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_3" {
  bucket                  = aws_s3_bucket.s3_1_3.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_4" {
  bucket = "${local.name_prefix}-s3-1-4"

  tags = merge(local.common_tags, { Name = "s3_1_4" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_4" {
  bucket = aws_s3_bucket.s3_1_4.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.secrets_28a.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_4" {
  bucket = aws_s3_bucket.s3_1_4.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_4" {
  bucket                  = aws_s3_bucket.s3_1_4.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_5" {
  bucket = "${local.name_prefix}-s3-1-5"

  tags = merge(local.common_tags, { Name = "s3_1_5" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_5" {
  bucket = aws_s3_bucket.s3_1_5.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.queue_4b.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_5" {
  bucket = aws_s3_bucket.s3_1_5.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_5" {
  bucket                  = aws_s3_bucket.s3_1_5.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "s3_1_6" {
  bucket = "${local.name_prefix}-s3-1-6"

  tags = merge(local.common_tags, { Name = "s3_1_6" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "s3_1_6" {
  bucket = aws_s3_bucket.s3_1_6.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.backup_4a.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "s3_1_6" {
  bucket = aws_s3_bucket.s3_1_6.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "s3_1_6" {
  bucket                  = aws_s3_bucket.s3_1_6.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
